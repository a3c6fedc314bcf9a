package org.adaptivesparse.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.adaptivesparse.data.DataSplit;
import org.adaptivesparse.data.ImageSet;
import org.adaptivesparse.selection.ImageTensors;

/** A split's training and test sets, copied once into NDArrays of one manager. */
record TrainingTensors(ImageTensors train, ImageTensors test) {
    static TrainingTensors of(NDManager m, DataSplit d) {
        return new TrainingTensors(tensors(m, d.train()), tensors(m, d.test()));
    }

    private static ImageTensors tensors(NDManager m, ImageSet s) {
        NDArray images = m.create(s.pixels(), new Shape(s.size(), s.channels(), s.height(), s.width()));
        long[] l = new long[s.size()];
        int[] src = s.labels();
        for (int i = 0; i < l.length; i++) {
            l[i] = src[i];
        }
        return new ImageTensors(images, m.create(l), src, s.classes());
    }
}
