def log = new File(basedir, 'build.log').text

def expect = { String s -> assert log.contains(s) : "build.log lacks: " + s }

expect(':train (default) on project it-bad-config-target: '
        + '<targetActivation> (-Dast.targetActivation): targetActivation 1.5 is out of range; allowed: greater than 0 and at most 1 (e.g. 0.10 for 10%)')
expect('-Dast.targetActivation: targetActivation 2.0 is out of range; allowed: greater than 0 and at most 1 (e.g. 0.10 for 10%)')
expect("<experiments><experiment> 'cnn' <targetActivation>: targetActivation 1.5 is out of range; allowed: greater than 0 and at most 1 (e.g. 0.10 for 10%)")

// the message is the whole explanation: no stack trace without -e, and nothing was trained
assert !log.contains('Exception in thread')
assert !(log =~ /(?m)^\s+at [a-z]+\./)
assert !log.contains('Epoch ')
assert !new File(basedir, 'target/ast').exists()
return true
