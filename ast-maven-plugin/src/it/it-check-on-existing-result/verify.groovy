import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def dir = new File(basedir, 'target/ast/check-existing')
def expect = { String s -> assert log.contains(s) : "build.log lacks: " + s }

// train ran once and passed ...
assert log.count('[INFO] [ast] Epoch 1/1 |') == 1
expect('[INFO] AST checks passed for check-existing')
expect('train (default) @ it-check-on-existing-result')
// ... then check re-judged its result.json without training
expect('check (default-cli) @ it-check-on-existing-result')
expect('[INFO] [check-existing] checked target/ast/check-existing/result.json; report: target/ast/check-existing/report.html')
def checkPart = log.substring(log.indexOf('check (default-cli) @'))
assert !checkPart.contains('Epoch ')
def line = checkPart.readLines().find { it.startsWith('[WARNING] accuracy ') }
assert line =~ /^\[WARNING\] accuracy \d\.\d+ is below minAccuracy 0\.990 \(epoch 1 of 1\); raise epochs or lower the threshold$/ : checkPart
expect(':check (default-cli) on project it-check-on-existing-result: '
        + 'AST checks have not been met for check-existing: 1 violation(s). See target/ast/check-existing/report.html')

// the report was rewritten with the new verdict
assert new File(dir, 'report.html').text.contains('FAIL')
return true
