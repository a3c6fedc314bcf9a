import groovy.json.JsonSlurper

// result.json writes NaN for figures a policy does not have (a control's threshold); strict parsers reject it
def readJson = { File f -> new JsonSlurper().parseText(f.text.replaceAll(/(?<=[:\[,]\s{0,40})-?(NaN|Infinity)/, 'null')) }

def log = new File(basedir, 'build.log').text
def dir = new File(basedir, 'target/ast/min-accuracy')
def expect = { String s -> assert log.contains(s) : "build.log lacks: " + s }

// the reports exist although the gate failed
['report.html', 'result.json', 'summary.md'].each { assert new File(dir, it).isFile() : "missing " + it }
def result = readJson(new File(dir, 'result.json'))
assert result.verdict.passed == false
def messages = result.verdict.violations*.message
assert messages.size() == 1
assert messages[0] =~ /^accuracy \d\.\d+ is below minAccuracy 0\.990 \(epoch 1 of 1\); raise epochs or lower the threshold$/

// the core's words, word for word, as one WARNING; then one failure naming the report
expect('[WARNING] ' + messages[0] + '\n')
expect(':train (default) on project it-train-fails-min-accuracy: '
        + 'AST checks have not been met for min-accuracy: 1 violation(s). See target/ast/min-accuracy/report.html -> [Help 1]')
assert log.contains('MojoFailureException')   // the [Help 1] link: a check failure, not an execution error
assert !(log =~ /(?m)^\s+at [a-z]+\./)
return true
