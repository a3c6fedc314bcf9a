import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def expect = { String s -> assert log.contains(s) : "build.log lacks: " + s }

// each runner trained only its experiment
def runnerA = new File(basedir, 'target/runner-a')
def runnerB = new File(basedir, 'target/runner-b')
assert new File(runnerA, 'a/result.json').isFile()
assert !new File(runnerA, 'b').exists()
assert new File(runnerB, 'b/result.json').isFile()
assert !new File(runnerB, 'a').exists()
expect('[INFO] AST train: 1 of 2 experiment(s) selected by -Dast.experiments=a')
expect('[INFO] AST train: 1 of 2 experiment(s) selected by -Dast.experiments=b')
['bencher.json', 'benchmark-bigger.json', 'benchmark-smaller.json'].each { f ->
    assert new File(runnerA, 'a/' + f).isFile() : "missing a/" + f
}
def bmf = new JsonSlurper().parse(new File(runnerA, 'a/bencher.json'))
assert bmf['a/ast'].accuracy.value instanceof Number
def gab = new JsonSlurper().parse(new File(runnerA, 'a/benchmark-bigger.json'))
assert gab[0].name == 'a ast accuracy' && gab[0].unit == 'ratio'

// a quiet log: DJL's INFO lines and the GPU-detection warning stay out of it
['Failed to detect GPU count', 'Number of inter-op threads', 'Found matching platform', 'graph executor optimizer'].each {
    assert !log.contains(it) : "build.log shows DJL's " + it
}

// the merge
def out = new File(basedir, 'target/ast')
expect('[INFO] AST merged 2 experiment(s) from 2 directories: a, b')
expect('[INFO] AST index: target/ast/index.html')
expect('[INFO] AST checks passed for a')
expect('[WARNING] [b] modeled savings ')
expect('AST checks have not been met for b: 1 violation(s). See target/ast/b/report.html')
def index = new File(out, 'index.html').text
assert index.contains('a/report.html') && index.contains('b/report.html')
assert new File(out, 'a/report.html').isFile() && new File(out, 'b/report.html').isFile()

def md = new File(out, 'summary.md').text
println '---- merged summary.md ----\n' + md
assert md.startsWith('### \u274c AST: FAIL (2 experiments, 1 failed)\n')
assert md.contains('#### \u2705 a: PASS')
assert md.contains('- \u2705 threshold **minAccuracy**: accuracy ')
assert md.contains('#### \u274c b: FAIL')
assert md.contains('- \u274c threshold **minSavings**: modeledSavings ')
assert md.trim().endsWith('<!-- ast-summary -->')

def xmlText = new File(out, 'TEST-ast.xml').text
println '---- merged TEST-ast.xml ----\n' + xmlText
def suite = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(xmlText.getBytes('UTF-8'))).documentElement
assert suite.tagName == 'testsuite'
assert suite.getAttribute('tests') == '2'
assert suite.getAttribute('failures') == '1'
def cases = suite.getElementsByTagName('testcase')
def b = (0..<cases.length).collect { cases.item(it) }.find { it.getAttribute('classname') == 'ast.b' }
assert b.getAttribute('name') == 'threshold minSavings'
assert b.getElementsByTagName('failure').item(0).getAttribute('message').startsWith('modeled savings ')

// the misspelt name
expect("<selectedExperiments> (-Dast.experiments): 'aa' is not an experiment of this build; did you mean a? the experiments are: a, b")
return true
