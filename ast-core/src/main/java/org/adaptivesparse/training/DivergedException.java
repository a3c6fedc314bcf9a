package org.adaptivesparse.training;

/** The loss turned NaN or infinite; the run keeps the epochs finished before. */
final class DivergedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    DivergedException(int epoch, int batch, float loss) {
        super("diverged at epoch " + epoch + ", batch " + batch + ": loss " + loss);
    }
}
