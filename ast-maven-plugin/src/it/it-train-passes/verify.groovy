import groovy.json.JsonSlurper

// result.json writes NaN for figures a policy does not have (a control's threshold); strict parsers reject it
def readJson = { File f -> new JsonSlurper().parseText(f.text.replaceAll(/(?<=[:\[,]\s{0,40})-?(NaN|Infinity)/, 'null')) }

def log = new File(basedir, 'build.log').text
def out = new File(basedir, 'target/ast')
def dir = new File(out, 'fashion-mlp')

def expect = { String s -> assert log.contains(s) : "build.log lacks: " + s }
def expectLine = { regex -> assert log =~ regex : "build.log has no line matching " + regex }

// one progress line per epoch and policy, in the core's wording, at INFO; -Dast.epochs=1 won over <epochs>10</epochs>
['ast', 'full', 'random'].each { policy ->
    expectLine(/(?m)^\[INFO\] \[${policy}\] Epoch 1\/1 \| Loss: \d+\.\d{3} \| Acc: \d+\.\d% \| Act: \d+\.\d% \| Save: -?\d+\.\d% \(modeled\) \| Thr: .+ \| \d+\.\d s$/)
}
assert !log.contains('Epoch 1/10')
expect("[INFO] [fashion-mlp] data: fashion-mnist-train, 2000 training and 1000 test samples")
// the side-by-side table
expect('[INFO] [fashion-mlp] side by side after 1 epoch(s):')
expectLine(/(?m)^\[INFO\]   policy\s+accuracy\s+activation\s+savings\*\s+train s$/)
['ast', 'full', 'random'].each { policy ->
    expectLine(/(?m)^\[INFO\]   ${policy}\s+\d+\.\d%\s+\d+\.\d%\s+-?\d+\.\d%\s+\d+\.\d$/)
}
expectLine(/(?m)^\[INFO\]   measured speedup vs full \d+\.\d\dx \(median epoch\), accuracy vs full [+-]\d+\.\d pts, vs random [+-]\d+\.\d pts$/)
expect('[INFO]   * savings are modeled from sample counts, not measured')
expect('[INFO] [fashion-mlp] report: ' + new File(dir, 'report.html').canonicalPath)
expect('[INFO] AST index: target/ast/index.html')
expect('[INFO] AST checks passed for fashion-mlp')
expect('BUILD SUCCESS')
assert !log.contains('[WARNING] accuracy')

['report.html', 'result.json', 'summary.md'].each { f ->
    assert new File(dir, f).isFile() : "missing " + f
}
assert new File(out, 'index.html').isFile()
def result = readJson(new File(dir, 'result.json'))
assert result.verdict.passed == true
assert result.runs*.policy == ['ast', 'full', 'random']
assert result.runs[0].epochs.size() == 1
return true
