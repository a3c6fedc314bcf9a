package org.adaptivesparse.data;

/**
 * A dataset could not be found, read or trusted. The message names the file or directory and what
 * is wrong with it, and where several sources were tried, every one of them.
 */
public class DataException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DataException(String message) {
        super(message);
    }

    public DataException(String message, Throwable cause) {
        super(message, cause);
    }
}
