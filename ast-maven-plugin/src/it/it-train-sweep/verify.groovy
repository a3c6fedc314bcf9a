import groovy.json.JsonSlurper

// result.json writes NaN for figures a policy does not have (a control's threshold); strict parsers reject it
def readJson = { File f -> new JsonSlurper().parseText(f.text.replaceAll(/(?<=[:\[,]\s{0,40})-?(NaN|Infinity)/, 'null')) }

def log = new File(basedir, 'build.log').text
def dir = new File(basedir, 'target/ast/sweep')
def expect = { String s -> assert log.contains(s) : "build.log lacks: " + s }
def expectLine = { regex -> assert log =~ regex : "build.log has no line matching " + regex }

// progress names each point's policy; full runs once
['ast@20%', 'ast@50%', 'random@20%', 'random@50%', 'full'].each { p ->
    expectLine(/(?m)^\[INFO\] \[${java.util.regex.Pattern.quote(p)}\] Epoch 1\/1 \| /)
}
assert (log =~ /(?m)^\[INFO\] \[full\] Epoch 1\/1 /).count == 1
// one side-by-side table per point, then the recommendation
expect('[INFO] [sweep@20%] side by side after 1 epoch(s):')
expect('[INFO] [sweep@50%] side by side after 1 epoch(s):')
expectLine(/(?m)^\[INFO\] \[sweep\] (recommended target (20|50)% \u2014 ast \(fresh\): |no recommended target: )/)
expect('AST checks passed for sweep')

def result = readJson(new File(dir, 'result.json'))
assert result.runs.collect { it.policy + '@' + it.targetActivation } ==
        ['ast@0.2', 'ast@0.5', 'full@null', 'random@0.2', 'random@0.5']
assert result.sweep*.targetActivation == [0.2, 0.5]
assert result.settings.targets == '0.2,0.5'
assert !result.settings.containsKey('targetActivation')
assert new File(dir, 'report.html').text.contains('id="trade-off"')
assert new File(dir, 'summary.md').text =~ /\*\*(Recommended target: \d+%|No recommended target)\*\*/

def baseline = readJson(new File(basedir, 'ast-baseline.json'))
assert baseline.experiments.keySet() as List == ['sweep@20%', 'sweep@50%']
assert baseline.experiments['sweep@50%'].settings.targetActivation == 0.5
def checkPart = log.substring(log.indexOf('check (default-cli) @'))
assert checkPart.contains('[INFO] AST checks passed for sweep')
assert !checkPart.contains('[WARNING]') : checkPart
assert log.count('BUILD SUCCESS') == 3
def checked = readJson(new File(dir, 'result.json'))
assert checked.verdict.baseline.status == 'compared'
assert checked.verdict.checks*.rule.containsAll(['minAccuracy@20%', 'minAccuracy@50%'])
return true
