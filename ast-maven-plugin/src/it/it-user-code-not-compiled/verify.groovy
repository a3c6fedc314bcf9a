def log = new File(basedir, 'build.log').text
def source = new File(basedir, 'src/main/java/com/example/shop/ProductNet.java').canonicalPath
def classes = new File(basedir, 'target/classes').canonicalPath
def expected = '<model> (-Dast.model): model com.example.shop.ProductNet: class com.example.shop.ProductNet is not' +
        ' compiled yet (' + source + ' exists, but no compiled class was found (looked in ' + classes
assert log.contains(expected) : 'build.log lacks: ' + expected
assert log.contains('run mvn test-compile ast:train (or mvn verify), which compiles the project before training')
assert !log.contains('ClassNotFoundException')
// nothing was trained
assert !new File(basedir, 'target/ast/products/result.json').exists()
return true
