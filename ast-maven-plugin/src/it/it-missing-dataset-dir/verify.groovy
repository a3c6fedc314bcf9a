def log = new File(basedir, 'build.log').text
def dir = new File(basedir, 'datasets/fashion-mnist').canonicalPath

def expect = { String s -> assert log.contains(s) : "build.log lacks: " + s }

expect(":train (default) on project it-missing-dataset-dir: AST could not load the data of experiment 'no-data' "
        + "(<dataset> (-Dast.dataset) fashion-mnist, <dataDir> (-Dast.dataDir) " + dir + "): "
        + "dataDir " + dir + " does not exist; fix the dataDir option or unset it to use the cache, the system package or a download")

assert !log.contains('Exception in thread')
assert !(log =~ /(?m)^\s+at [a-z]+\./)
assert !log.contains('Epoch ')
return true
