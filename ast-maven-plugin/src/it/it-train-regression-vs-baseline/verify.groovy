import groovy.json.JsonSlurper

// result.json writes NaN for figures a policy does not have (a control's threshold); strict parsers reject it
def readJson = { File f -> new JsonSlurper().parseText(f.text.replaceAll(/(?<=[:\[,]\s{0,40})-?(NaN|Infinity)/, 'null')) }

def log = new File(basedir, 'build.log').text
def dir = new File(basedir, 'target/ast/regression')
def baseline = new File(basedir, 'ast-baseline.json').canonicalPath
def expect = { String s -> assert log.contains(s) : "build.log lacks: " + s }

def result = readJson(new File(dir, 'result.json'))
assert result.verdict.passed == false
assert result.verdict.baseline.status == 'compared'
def messages = result.verdict.violations*.message
assert messages.size() == 1 : messages
def escaped = java.util.regex.Pattern.quote(baseline)
assert messages[0] =~ /^accuracy \d\.\d{3} regressed from baseline 0\.990 by \d\.\d{3}, more than maxAccuracyDrop 0\.020 \(${escaped}\)$/

expect('[WARNING] ' + messages[0] + '\n')
expect(':train (default) on project it-train-regression-vs-baseline: '
        + 'AST checks have not been met for regression: 1 violation(s). See target/ast/regression/report.html')
// the committed baseline is only read: ast:baseline is the one way it changes
assert new File(baseline).text.contains('"accuracy": 0.99,')
return true
