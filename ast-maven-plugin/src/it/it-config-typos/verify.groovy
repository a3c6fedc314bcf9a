def log = new File(basedir, 'build.log').text

def expect = { String s -> assert log.contains(s) : "build.log lacks: " + s }

expect(":train (default) on project it-config-typos: <configuration> <tragetActivation>: 'tragetActivation' is not a"
        + " parameter of the AST goals; did you mean targetActivation? known parameters: allowDownload, baselineFile,")
expect("-Dast.tragetActivation: 'tragetActivation' is not a configuration field; did you mean targetActivation?"
        + " known fields: allowDownload, baselineFile,")
expect("<experiments><experiment> 'cnn' <tragetActivation>: 'tragetActivation' is not a configuration field; did you"
        + " mean targetActivation? known fields: allowDownload, baselineFile,")

// the message is the whole explanation: no stack trace without -e, and nothing was trained
assert !log.contains('Exception in thread')
assert !(log =~ /(?m)^\s+at [a-z]+\./)
assert !log.contains('Epoch ')
assert !new File(basedir, 'target/ast').exists()
return true
