import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.StandardCopyOption

// The same consumer project as it-user-code, with one regression planted in its own network: the
// hidden layer no longer learns (its parameters are frozen at their initial values).
Path from = basedir.toPath().resolve('../it-user-code').normalize()
Path to = basedir.toPath()
Files.walk(from.resolve('src')).forEach { Path p ->
    Path target = to.resolve(from.relativize(p).toString())
    if (Files.isDirectory(p)) {
        Files.createDirectories(target)
    } else {
        Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING)
    }
}
Files.copy(from.resolve('ast-baseline.json'), to.resolve('ast-baseline.json'), StandardCopyOption.REPLACE_EXISTING)

def net = to.resolve('src/main/java/com/example/shop/ProductNet.java').toFile()
def text = net.text
def planted = text.replace('        return new SequentialBlock()\n',
        '        hidden.freezeParameters(true);\n        return new SequentialBlock()\n')
assert planted != text : 'the regression was not planted'
net.text = planted
return true
