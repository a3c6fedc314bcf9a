import groovy.json.JsonSlurper

def readJson = { File f -> new JsonSlurper().parseText(f.text.replaceAll(/(?<=[:\[,]\s{0,40})-?(NaN|Infinity)/, 'null')) }
def log = new File(basedir, 'build.log').text
def expect = { String s -> assert log.contains(s) : "build.log lacks: " + s }

// the project's classes were compiled by the same build and loaded by ast:train
expect('[INFO] [products] data: com.example.shop.ProductFeatures (training), 3000 training and 1000 test samples'
        + ' of feature vectors of 784; libtorch threads: 1')
def result = readJson(new File(basedir, 'target/ast/products/result.json'))
assert result.settings.model == 'com.example.shop.ProductNet'
assert result.settings.dataset == 'com.example.shop.ProductFeatures'
assert result.configuration.spreadTerm.startsWith('feature spread')
assert result.runs.size() == 6 : result.runs*.policy
assert result.verdict.passed == true : result.verdict.violations*.message
assert result.verdict.baseline.status == 'compared'
expect('AST checks passed')
return true
