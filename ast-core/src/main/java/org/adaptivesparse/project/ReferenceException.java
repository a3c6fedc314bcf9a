package org.adaptivesparse.project;

/**
 * A class of the project named in the configuration cannot serve: it is missing, of the wrong type,
 * or its code failed. The message is one line the user can act on; the front end adds where the
 * reference was written ({@code <model>}, {@code @SparseTraining(model = ...)}).
 */
public final class ReferenceException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ReferenceException(String message) {
        super(message);
    }

    public ReferenceException(String message, Throwable cause) {
        super(message, cause);
    }
}
