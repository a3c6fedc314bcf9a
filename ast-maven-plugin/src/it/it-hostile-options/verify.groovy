// One line per build, in build order: the whole explanation of each mistake.
def log = new File(basedir, 'build.log').text
def dir = basedir.canonicalPath
def expected = [
    "-Dast.epochs: epochs 'two' is not a whole number",
    "-Dast.epochs: epochs 0 is out of range; allowed: 1 or more",
    "-Dast.learningRate: learningRate 'fast' is not a number",
    "-Dast.batchSize: batchSize -3 is out of range; allowed: 2 or more",
    "-Dast.minAccuracy: minAccuracy 1.5 is out of range; allowed: 0 to 1",
    "-Dast.targetActivation: targetActivation 'ten%' is not a number; give a ratio such as 0.85 or 85%",
    "-Dast.seed: seed '1.5' is not a whole number",
    "-Dast.dataset: dataset 'mnist' is not known; allowed: fashion-mnist, cifar10, synthetic, folder, or a class of your project (com.example.Data implementing org.adaptivesparse.data.DatasetFactory, or com.example.Datasets#method)",
    "-Dast.model: model 'resnet50' is not known; allowed: mlp, cnn, resnet, or a class of your project (com.example.Net implementing org.adaptivesparse.model.BlockFactory, or com.example.Nets#method)",
    "-Dast.controls: controls 'everything' is not a policy; allowed: ast, full, random, random-batch, random-epoch, random-all",
    "-Dast.gate: gate 'fuzzy' is not a gate; allowed: hard, probabilistic",
    "-Dast.selection: selection 'greedy' is not a selection mode; allowed: fresh, stale, importance, smallloss, reducible, filter",
    // the list of fields grows with every option: its start is checked here, its order and content below
    "-Dast.epoch: 'epoch' is not a configuration field; did you mean epochs? known fields: allowDownload, baselineFile,",
    "-Dast.outputDirectory: AST could not use a file of experiment 'hostile': output directory $dir/not-a-directory/hostile"
        + " cannot be created: $dir/not-a-directory exists and is not a directory",
    "AST could not load the data of experiment 'hostile' (-Dast.dataset fashion-mnist, -Dast.dataDir"
        + " $dir/not-a-directory): dataDir $dir/not-a-directory is not a directory",
    "-Dast.name=same names every experiment 'same', so they would all write to same/; drop it and give each"
        + " <experiment> its own <name>",
    "-Dast.maxAccuracyDrop: maxAccuracyDrop 2.0 is out of range; allowed: 0 to 1 (2.0 looks like a percentage: write"
        + " 0.02 or 2.0%)",
]*.toString()
def prefix = '[ERROR] Failed to execute goal org.adaptivesparse:ast-maven-plugin:'
def actual = log.readLines().findAll { it.startsWith(prefix) }
        .collect { it.replaceFirst(/^.* on project it-hostile-options: /, '').replaceFirst(/ -> \[Help 1\]$/, '') }
assert actual.size() == expected.size() : "expected ${expected.size()} failures, got ${actual.size()}: ${actual.join('\n')}"
expected.eachWithIndex { e, i ->
    boolean same = e.endsWith(',') ? actual[i].startsWith(e) : actual[i] == e
    assert same : "build ${i + 1}:\n  expected: $e\n  actual:   ${actual[i]}"
}
def fields = actual[12].substring(actual[12].indexOf('known fields: ') + 'known fields: '.length()).split(', ') as List
assert fields == fields.toSorted() && fields.containsAll(['epochs', 'targetActivation', 'seed', 'threads']) : fields

// the message is the whole explanation: no stack trace, nothing trained, nothing written outside target/ast
assert !log.contains('Exception in thread')
assert !(log =~ /(?m)^\s+at [a-z]+\./)
assert !log.contains('Epoch ')
assert new File(basedir, 'not-a-directory').text == 'a file where AST expects a directory\n'
assert (new File(basedir, 'target').list() ?: []) as List in [[], ['ast']]
def written = []
if (new File(basedir, 'target').exists()) {
    new File(basedir, 'target').eachFileRecurse { if (it.isFile()) written << it }
}
assert written.isEmpty() : "files written: $written"
return true
