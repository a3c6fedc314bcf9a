package org.adaptivesparse.junit;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import org.adaptivesparse.data.DataSplit;

/** A project's network and data as static methods, named the way the Maven goal names them: {@code Class#method}. */
public final class UserCode {
    private UserCode() {
    }

    public static Block net(Shape inputShape, int classes) {
        return TinyData.linear(classes);
    }

    public static DataSplit data() {
        return TinyData.split();
    }
}
