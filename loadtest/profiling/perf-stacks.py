#!/usr/bin/env python3
"""Summarises `perf script -F comm,tid,ip,sym,dso` stacks of one .NET process.

usage: perf-stacks.py STACKS categories FILE   share of samples per category (FILE: name=regex, first match wins)
       perf-stacks.py STACKS assemblies [N]     share per assembly of the innermost managed frame (JIT and native apart)
       perf-stacks.py STACKS ours [N]           share per innermost frame of our own code (Conversations.*)
"""
import collections
import re
import sys

TIER = re.compile(r'\[(OptimizedTier1|QuickJitted|InstrumentedTierOptimized|Optimized|InstrumentedTier|OptimizedTier1OSR|PreJIT)\]')
FRAME = re.compile(r'\s*([0-9a-f]+)\s+(.*?)\s+\((.*)\)\s*$')
ASSEMBLY = re.compile(r'\[([A-Za-z0-9_.]+)\]\s*[A-Za-z0-9_.`]+[:+]')
OURS = re.compile(r'\]\s*(OrleansCodeGen\.)?Conversations\.')


def read(path):
    samples, current = [], None
    for line in open(path, errors='replace'):
        if not line.strip():
            if current is not None:
                samples.append(current)
            current = None
        elif not line[0].isspace():
            current = []
        elif current is not None and (m := FRAME.match(line)):
            symbol, dso = m.group(2), m.group(3)
            current.append('?' + dso.split('/')[-1] if symbol == '[unknown]' else TIER.sub('', symbol))
    if current:
        samples.append(current)
    return samples


def short(frame):
    frame = re.sub(r'class |valuetype |instance ', '', frame)
    frame = re.sub(r'\[[A-Za-z0-9_.]+\]', '', frame)
    return re.sub(r'\(.*\)', '()', frame).strip()[:150]


def show(counter, total, top):
    for name, n in counter.most_common(top):
        print(f'{100 * n / total:6.2f}%  {name}')


def main():
    samples = read(sys.argv[1])
    mode = sys.argv[2]
    total = len(samples) or 1
    print(f'{len(samples)} samples')
    counts = collections.Counter()
    if mode == 'categories':
        rules = [line.split('=', 1) for line in open(sys.argv[3]) if '=' in line and not line.startswith('#')]
        for stack in samples:
            joined = '\n'.join(stack)
            counts[next((name for name, rule in rules if re.search(rule.strip(), joined)), 'other (GC, runtime, unattributed continuations)')] += 1
        show(counts, total, 100)
    elif mode == 'assemblies':
        for stack in samples:
            if any('libclrjit' in f for f in stack):
                counts['(tiered JIT compiling)'] += 1
                continue
            owner = next((m.group(1) for f in stack if (m := ASSEMBLY.search(f))), None)
            counts[owner or ('(native: ' + stack[0] + ')' if stack else '(empty)')] += 1
        show(counts, total, int(sys.argv[3]) if len(sys.argv) > 3 else 25)
    elif mode == 'ours':
        for stack in samples:
            counts['(tiered JIT compiling)' if any('libclrjit' in f for f in stack)
                   else next((short(f) for f in stack if OURS.search(f)), '(no frame of ours)')] += 1
        show(counts, total, int(sys.argv[3]) if len(sys.argv) > 3 else 30)
    else:
        sys.exit(__doc__)


if __name__ == '__main__':
    main()
