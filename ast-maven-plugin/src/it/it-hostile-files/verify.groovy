// One line per build, in build order, naming the file and what is wrong; every file is left byte for byte.
def log = new File(basedir, 'build.log').text
def f = new File(basedir, 'files').canonicalPath
def use = { String element, String what -> "$element: AST could not use a file of experiment 'hostile': $what".toString() }
def expected = [
    use('-Dast.baselineFile', "$f/baseline-not-json.json is not valid JSON: malformed JSON at line 1 column 18 path \$"),
    use('-Dast.baselineFile', "$f/baseline-foreign.json has no schemaVersion; it was not written by AST"),
    use('-Dast.baselineFile', "$f/baseline-newer.json has schemaVersion 3, newer than this build reads (2); upgrade AST"
        + " or regenerate the file"),
    use('-Dast.baselineFile', "$f/baseline-array.json is not a valid AST baseline: 'experiments' should be an object of"
        + " entries by experiment name, but it is an array"),
    use('-Dast.historyFile', "$f/history-not-json.jsonl line 2 is not valid JSON: malformed JSON at column 7"),
    use('-Dast.historyFile', "$f/history-foreign.jsonl line 1 is not an AST history entry: it has no 'experiment';"
        + " historyFile must name a file AST writes (JSON lines), or none yet"),
    use('-Dast.historyFile', "history file $f/history-directory is a directory; historyFile must name a file"),
    "-Dast.outputDirectory: AST could not use a file of experiment 'bad-result': $f/bad-result/result.json is not valid"
        + " JSON: the file ends early, at line 1 column 50 path \$.runs[0]",
    "No AST result for experiment 'never-trained' at target/ast/never-trained/result.json; run ast:train first (or mvn"
        + " verify)",
]*.toString()

def prefix = '[ERROR] Failed to execute goal org.adaptivesparse:ast-maven-plugin:'
def actual = log.readLines().findAll { it.startsWith(prefix) }
        .collect { it.replaceFirst(/^.* on project it-hostile-files: /, '').replaceFirst(/ -> \[Help 1\]$/, '') }
assert actual.size() == expected.size() : "expected ${expected.size()} failures, got ${actual.size()}: ${actual.join('\n')}"
expected.eachWithIndex { e, i -> assert actual[i] == e : "build ${i + 1}:\n  expected: $e\n  actual:   ${actual[i]}" }

// the message is the whole explanation: no stack trace, nothing trained
assert !log.contains('Exception in thread')
assert !(log =~ /(?m)^\s+at [a-z]+\./)
assert !log.contains('Epoch ')

// every file is as the test wrote it, byte for byte
def same = { String name, String text -> assert new File(f, name).getText('UTF-8') == text : "$name changed" }
same('baseline-not-json.json', '<html><body>502 Bad Gateway</body></html>\n')
same('baseline-foreign.json', '{\n  "name": "my-app",\n  "version": "1.0.0"\n}\n')
same('baseline-newer.json', '{\n  "schemaVersion": 3,\n  "experiments": {}\n}\n')
same('baseline-array.json', '{\n  "schemaVersion": 1,\n  "experiments": ["hostile"]\n}\n')
same('history-not-json.jsonl', '{"createdAt":"2026-01-01T00:00:00Z","experiment":"hostile","accuracy":0.8}\nthis line was pasted by hand\n')
same('history-foreign.jsonl', '{"schemaVersion": 1, "experiments": {}}\n')
same('history-directory/inside.txt', 'keep\n')
same('bad-result/result.json', '{"schemaVersion": 1, "name": "hostile", "runs": [')
assert new File(f).list().sort() == ['bad-result', 'baseline-array.json', 'baseline-foreign.json', 'baseline-newer.json',
        'baseline-not-json.json', 'history-directory', 'history-foreign.jsonl', 'history-not-json.jsonl']
assert new File(f, 'history-directory').list() as List == ['inside.txt']
assert new File(f, 'bad-result').list() as List == ['result.json']
def written = []
if (new File(basedir, 'target').exists()) {
    new File(basedir, 'target').eachFileRecurse { if (it.isFile()) written << it }
}
assert written.isEmpty() : "files written: $written"
return true
