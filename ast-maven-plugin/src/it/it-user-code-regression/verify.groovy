import groovy.json.JsonSlurper

def readJson = { File f -> new JsonSlurper().parseText(f.text.replaceAll(/(?<=[:\[,]\s{0,40})-?(NaN|Infinity)/, 'null')) }
def log = new File(basedir, 'build.log').text
def expect = { String s -> assert log.contains(s) : "build.log lacks: " + s }

def result = readJson(new File(basedir, 'target/ast/products/result.json'))
assert result.verdict.passed == false
assert result.verdict.baseline.status == 'compared'
def messages = result.verdict.violations*.message
// the planted regression is named by its figure, whichever baseline rule applies on this machine
assert messages.any { it.startsWith('accuracy ') && it.contains('baseline') } : messages
expect(':train (default) on project it-user-code: AST checks have not been met for products')
return true
