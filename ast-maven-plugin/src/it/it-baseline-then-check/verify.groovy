import groovy.json.JsonSlurper

// result.json writes NaN for figures a policy does not have (a control's threshold); strict parsers reject it
def readJson = { File f -> new JsonSlurper().parseText(f.text.replaceAll(/(?<=[:\[,]\s{0,40})-?(NaN|Infinity)/, 'null')) }

def log = new File(basedir, 'build.log').text
def expect = { String s -> assert log.contains(s) : "build.log lacks: " + s }

def baseline = new File(basedir, 'ast-baseline.json')
assert baseline.isFile()
assert baseline.text.contains('baseline-check')
expect('[INFO] [baseline-check] baseline written to ' + baseline.canonicalPath + ' from '
        + new File(basedir, 'target/ast/baseline-check/result.json').canonicalPath)
expect('[INFO] Review ast-baseline.json and commit it: train and check compare with it when <baselineFile> (-Dast.baselineFile) names it')

def checkPart = log.substring(log.indexOf('check (default-cli) @'))
assert checkPart.contains('[INFO] AST checks passed for baseline-check')
assert !checkPart.contains('[WARNING]') : checkPart
assert log.count('BUILD SUCCESS') == 3

def result = readJson(new File(basedir, 'target/ast/baseline-check/result.json'))
assert result.verdict.passed == true
assert result.verdict.baseline.status == 'compared'
return true
