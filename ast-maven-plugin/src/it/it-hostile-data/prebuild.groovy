// Writes one damaged copy of the data per build: small, valid files except for the one damage named by the directory.
import java.util.zip.GZIPOutputStream

def idxImages = { int n, int magic = 0x803 ->
    def b = new ByteArrayOutputStream(); def d = new DataOutputStream(b)
    d.writeInt(magic); d.writeInt(n); d.writeInt(28); d.writeInt(28); d.write(new byte[n * 784]); d.flush(); b.toByteArray()
}
def idxLabels = { int n ->
    def b = new ByteArrayOutputStream(); def d = new DataOutputStream(b)
    d.writeInt(0x801); d.writeInt(n); (0..<n).each { d.writeByte(it % 10) }; d.flush(); b.toByteArray()
}
def gzip = { byte[] raw -> def b = new ByteArrayOutputStream(); new GZIPOutputStream(b).withStream { it.write(raw) }; b.toByteArray() }
def fashion = { String name, Map<String, byte[]> damaged, boolean gz ->
    def dir = new File(basedir, "data/$name"); dir.mkdirs()
    def files = ['train-images-idx3-ubyte': idxImages(20), 'train-labels-idx1-ubyte': idxLabels(20),
                 't10k-images-idx3-ubyte': idxImages(10), 't10k-labels-idx1-ubyte': idxLabels(10)] + damaged
    files.each { f, bytes -> new File(dir, gz ? f + '.gz' : f).bytes = (gz && !damaged.containsKey(f)) ? gzip(bytes) : bytes }
}
fashion('wrong-magic', ['train-images-idx3-ubyte': idxImages(20, 0x804)], false)
fashion('truncated', ['train-images-idx3-ubyte': idxImages(20)[0..<(16 + 784 * 5 + 100)] as byte[]], false)
fashion('count-mismatch', ['train-labels-idx1-ubyte': idxLabels(19)], false)
def whole = gzip(idxImages(20))
fashion('gzip-truncated', ['train-images-idx3-ubyte': whole[0..<(whole.length.intdiv(2))] as byte[]], true)
fashion('not-gzip', ['train-images-idx3-ubyte': '<html>404 Not Found</html>\n'.bytes], true)

def cifar = new File(basedir, 'data/cifar-wrong-size/cifar-10-batches-bin'); cifar.mkdirs()
(1..5).each { new File(cifar, "data_batch_${it}.bin").bytes = new byte[3073 * 4] }
new File(cifar, 'test_batch.bin').bytes = new byte[3073 * 2 + 1000]
return true
