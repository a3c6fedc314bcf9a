#!/usr/bin/env python3
"""Summarises plant runs from their kept result.json files (target/plants/<label>/results/).

  python3 tools/plant-regressions/summarize.py target/plants/t2-unchanged target/plants/t2-lr100 ...

Per run and gated figure (accuracy, modeled savings, selection lift) the baseline check's value (the
mean over seeds), its floor, whether it held, and its detectable drop; what the rule before issue #25
(median below the baseline's lowest seed less the tolerance, lift tolerance 0.15) would have said; and,
with --false-alarms, the chance of a false alarm if another environment redrew the seeds entirely
(one-sided t over each figure's pooled spread; needs scipy).
"""
import glob
import json
import os
import re
import statistics
import sys


def load(path):
    text = re.sub(r'(?<=[:\[,])\s*-?(NaN|Infinity)', 'null', open(path).read())
    return json.loads(text)


def checks(run):
    for f in sorted(glob.glob(os.path.join(run, 'results', '*.json'))):
        for c in load(f)['verdict']['checks']:
            if c['kind'] == 'baseline' and c['rule'].split('@')[0] in (
                    'maxAccuracyDrop', 'maxSavingsDrop', 'maxSelectionLiftDrop'):
                yield os.path.basename(f)[:-5], c


def main(args):
    false_alarms = '--false-alarms' in args
    runs = [a for a in args if not a.startswith('--')]
    if false_alarms:
        try:
            from scipy import stats
        except ImportError:
            sys.exit('--false-alarms needs scipy (apt-get install python3-scipy)')
    for run in runs:
        status = open(os.path.join(run, 'status.txt')).read().strip()
        print(f'## {os.path.basename(run)}: {status}')
        none_alarm = 1.0
        for experiment, c in checks(run):
            d = c['detectable']
            before, now = d['baselineValues'], d['currentValues']
            rule = c['rule'].split('@')[0]
            old_floor = min(before) - 0.03 if rule == 'maxAccuracyDrop' else (
                min(before) - 0.02 if rule == 'maxSavingsDrop' else min(before) * (1 - 0.15))
            old = statistics.median(now) < old_floor - 1e-9
            line = (f"{experiment:14s} {c['rule']:26s} mean {c['value']:.4f} floor {c['limit']:.4f} "
                    f"{'held' if c['held'] else 'FLAGGED':7s} detectable {d['drop']:.4f} tolerance {d['tolerance']:.4f}"
                    f" | old rule {'FLAGGED' if old else 'held'}")
            if false_alarms:
                df = d['baselineSeeds'] + d['seeds'] - 2
                p = 0.0
                if d['drop'] and df > 0:
                    se = d['drop'] / stats.t.ppf(0.95, df)
                    p = stats.t.sf(max(d['tolerance'], d['drop']) / se, df)
                none_alarm *= 1 - p
                line += f' | false alarm if redrawn {p:.4f}'
            print(line)
        if false_alarms:
            print(f'   any figure, if redrawn: {1 - none_alarm:.4f}')


if __name__ == '__main__':
    main(sys.argv[1:])
