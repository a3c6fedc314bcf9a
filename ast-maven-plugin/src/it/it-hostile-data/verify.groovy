// One line per build, in build order, naming the damaged file and the damage.
def log = new File(basedir, 'build.log').text
def d = new File(basedir, 'data').canonicalPath
def load = { String dir, String what ->
    ("AST could not load the data of experiment 'hostile' (<dataset> (-Dast.dataset)"
        + " fashion-mnist, -Dast.dataDir $d/$dir): $what").toString()
}
def expected = [
    load('wrong-magic', "$d/wrong-magic/train-images-idx3-ubyte: wrong magic number 2052 (0x804), expected 2051 (0x803)"
        + " for an IDX image file"),
    load('truncated', "$d/truncated/train-images-idx3-ubyte: file is truncated: expected 15680 bytes of pixel data"
        + " (20 images of 28x28), found 4020"),
    load('count-mismatch', "image and label counts disagree: $d/count-mismatch/train-images-idx3-ubyte holds 20 images"
        + " but $d/count-mismatch/train-labels-idx1-ubyte holds 19 labels"),
    load('gzip-truncated', "$d/gzip-truncated/train-images-idx3-ubyte.gz: file is truncated: ends inside the IDX header"
        + " while reading the magic number"),
    load('not-gzip', "$d/not-gzip/train-images-idx3-ubyte.gz: not a gzip file: it is named .gz but does not start with"
        + " the gzip magic bytes 1f 8b"),
    "AST could not load the data of experiment 'hostile' (-Dast.dataset cifar10, -Dast.dataDir $d/cifar-wrong-size):"
        + " $d/cifar-wrong-size/cifar-10-batches-bin/test_batch.bin: file is truncated: 7146 bytes is not a whole number"
        + " of 3073-byte records (2 records and 1000 bytes left over)",
]*.toString()

def prefix = '[ERROR] Failed to execute goal org.adaptivesparse:ast-maven-plugin:'
def actual = log.readLines().findAll { it.startsWith(prefix) }
        .collect { it.replaceFirst(/^.* on project it-hostile-data: /, '').replaceFirst(/ -> \[Help 1\]$/, '') }
assert actual.size() == expected.size() : "expected ${expected.size()} failures, got ${actual.size()}: ${actual.join('\n')}"
expected.eachWithIndex { e, i -> assert actual[i] == e : "build ${i + 1}:\n  expected: $e\n  actual:   ${actual[i]}" }

// the message is the whole explanation: no stack trace, nothing trained
assert !log.contains('Exception in thread')
assert !(log =~ /(?m)^\s+at [a-z]+\./)
assert !log.contains('Epoch ')

// the damaged files are read, never repaired or replaced, and nothing was written but the empty experiment directory
assert new File(d, 'not-gzip/train-images-idx3-ubyte.gz').text == '<html>404 Not Found</html>\n'
assert new File(d, 'truncated/train-images-idx3-ubyte').length() == 16 + 784 * 5 + 100
def written = []
if (new File(basedir, 'target').exists()) {
    new File(basedir, 'target').eachFileRecurse { if (it.isFile()) written << it }
}
assert written.isEmpty() : "files written: $written"
return true
