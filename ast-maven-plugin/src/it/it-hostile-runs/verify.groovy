import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def ast = new File(basedir, 'target/ast')
def expect = { String s -> assert log.contains(s) : "build.log lacks: " + s }

// 1: markup in the name and description is text in every output, never markup
def name = "<script>alert('name')</script> & co"
def html = "&lt;script&gt;alert(&#39;name&#39;)&lt;/script&gt; &amp; co"
def dir = new File(ast, 'script-alert-name-script-co')
def report = new File(dir, 'report.html').text
assert report.contains("<title>AST report: $html</title>")
assert report.contains("<h1>AST report: $html</h1>")
assert report.contains('<p>&lt;img src=x onerror=alert(1)&gt; | *bold* [link](javascript:alert(2)) &middot;')
def index = new File(ast, 'index.html').text
assert index.contains("<a href=\"script-alert-name-script-co/report.html\">$html</a>")
def summary = new File(dir, 'summary.md').text
assert summary.startsWith("### ✅ AST &lt;script&gt;alert('name')&lt;/script&gt; &amp; co: PASS\n")
for (text in [report, index, summary]) {
    assert !text.contains('<script>') && !text.contains('<img') : 'raw markup in an output'
}
assert new JsonSlurper().parse(new File(dir, 'result.json')).name == name

// 2: a name cannot climb out of the output directory
assert new File(ast, 'escaped/result.json').isFile()
assert !new File(basedir, '../escaped').exists() && !new File(basedir, 'escaped').exists()
assert !new File(basedir, 'target/escaped').exists()

// 3: learningRate 10: no threshold was set, yet the run fails, named for what happened, with its epoch and report kept
def blown = new File(ast, 'blown-up')
['report.html', 'result.json', 'summary.md'].each { assert new File(blown, it).isFile() : "missing " + it }
def result = new JsonSlurper().parse(new File(blown, 'result.json'))
assert result.verdict.passed == false
assert result.runs*.epochs*.size() == [1, 1]
def messages = result.verdict.violations*.message
assert messages.size() == 1
assert messages[0] ==~ /AST's training loss exploded: \d\.\de\+\d\d at epoch 1 \(above 10 x ln 10 = 23\.0\), test accuracy 0\.\d{3}; the full control did the same \(accuracy 0\.\d{3}\); lower learningRate/
expect('[WARNING] ' + messages[0] + '\n')
expect(':train (default) on project it-hostile-runs: AST checks have not been met for blown-up: 1 violation(s).'
        + ' See target/ast/blown-up/report.html -> [Help 1]')
assert new File(blown, 'report.html').text.contains("AST&#39;s training loss exploded")

// only one build failed, and none with a stack trace
assert log.readLines().findAll { it.startsWith('[ERROR] Failed to execute goal') }.size() == 1
assert !(log =~ /(?m)^\s+at [a-z]+\./)
assert basedir.list().findAll { !it.startsWith('.') }.sort() == ['build.log', 'invoker.properties', 'pom.xml', 'target', 'verify.groovy']
assert new File(basedir, 'target').list() as List == ['ast']
return true
