#!/usr/bin/env python3
"""Plants one regression in a checkout of the engine: python3 plants.py <checkout> <name>."""
import sys
root, name = sys.argv[1], sys.argv[2]
base = root + '/ast-core/src/main/java/org/adaptivesparse/'
PLANTS = {
    'lr100': ('training/LearningRates.java', 'float lr = (float) cfg.learningRate();',
              'float lr = (float) cfg.learningRate() * 100; // PLANTED: learning rate x100'),
    # a small regression, of the size the gate is to see: the learning rate halved
    'lr-half': ('training/LearningRates.java', 'float lr = (float) cfg.learningRate();',
              'float lr = (float) cfg.learningRate() * 0.5f; // PLANTED: learning rate halved'),
    # every test accuracy lowered by a fixed amount, just above and just below maxAccuracyDrop 0.03: the
    # gate's resolution, end to end (the seeds' spread is unchanged, so only the rule decides)
    'accuracy-0.035': ('training/TestEvaluation.java', 'return new TestEvaluation((double) correct / n, lossSum / n);',
              'return new TestEvaluation((double) correct / n - 0.035, lossSum / n); // PLANTED: accuracy - 0.035'),
    'accuracy-0.025': ('training/TestEvaluation.java', 'return new TestEvaluation((double) correct / n, lossSum / n);',
              'return new TestEvaluation((double) correct / n - 0.025, lossSum / n); // PLANTED: accuracy - 0.025'),
    'frozen-controller': ('control/PiController.java',
              'threshold = Math.max(MIN_THRESHOLD, Math.min(MAX_THRESHOLD, next));',
              '// PLANTED: the controller never moves the threshold'),
    'half-epochs': ('training/PolicyRun.java',
              'for (int from = 0, batchNo = 1; from < order.length; from += bs, batchNo++) {',
              'for (int from = 0, batchNo = 1; from < order.length / 2; from += bs, batchNo++) { // PLANTED: half the batches'),
    'random-scorer': ('selection/Significance.java',
              '        NDArray lossN = normalise(losses);\n',
              '        if (true) { return losses.getManager().randomUniform(0f, 1f, losses.getShape()); } // PLANTED: random significance\n        NDArray lossN = normalise(losses);\n'),
    'swapped-weights': ('selection/Significance.java',
              '        this.lossWeight = (float) lossWeight;\n        this.stdWeight = (float) stdWeight;',
              '        this.lossWeight = (float) stdWeight; // PLANTED: weights swapped\n        this.stdWeight = (float) lossWeight;'),
}
f, old, new = PLANTS[name]
p = base + f
s = open(p).read()
assert s.count(old) == 1, (name, f)
open(p, 'w').write(s.replace(old, new))
print('planted', name, 'in', f)
