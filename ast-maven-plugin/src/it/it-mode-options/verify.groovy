import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text

def expect = { String s -> assert log.contains(s) : "build.log lacks: " + s }

expect(":train (default) on project it-mode-options: <smallLossDrop> (-Dast.smallLossDrop): smallLossDrop 1.0 is out"
        + " of range; allowed: 0 (drop none) up to but not including 1")
expect(":train (default) on project it-mode-options: <experiments><experiment> 'listed' <smallLossDrop>: smallLossDrop"
        + " 1.5 is out of range; allowed: 0 (drop none) up to but not including 1")

def result = new JsonSlurper().parse(new File(basedir, 'target/ast/drop/result.json'))
assert result.settings.selection == 'smallloss' : result.settings
assert result.settings.smallLossDrop == 0.2 : result.settings
assert result.runs*.policy == ['ast'] : result.runs*.policy
return true
