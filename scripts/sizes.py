#!/usr/bin/env python3
"""Lists what the size rules of CONTRIBUTING.md ask to look at:

- functions (and initialisers, subscripts, computed properties) longer than 60 lines,
  each of which must say in its comment why it is one piece;
- types of the app (Sources/SvcWizApp) with more than 12 stored properties: a screen's
  model that grows past that holds more than one screen's worth. (The value records of
  ServiceModel mirror Kubernetes' fields and are not counted.)

    scripts/sizes.py                 # functions in Sources/, types in Sources/SvcWizApp
    scripts/sizes.py --lines 40 --properties 10

It reads the text, not the syntax tree: good enough for this code's layout (one
declaration per line, braces on the declaring line), not a parser. It always exits 0.
"""
import argparse
import glob
import re

DECLARATION = re.compile(
    r'^\s*(?:@\w+(?:\([^)]*\))?\s+)*'
    r'(?:(?:package|public|private|fileprivate|internal|static|class|mutating|nonisolated|override|final|convenience|required)'
    r'(?:\(set\))?\s+)*'
    r'(func\s+[^\s(<]+|init[?!]?|subscript|var\s+\w+\s*:[^={]*\{\s*$)')
TYPE = re.compile(r'^\s*(?:@\w+\s+)*(?:(?:package|public|private|fileprivate|internal|final|indirect)\s+)*'
                  r'(struct|class|actor)\s+(\w+)')
PROPERTY = re.compile(r'^\s*(?:@\w+(?:\([^)]*\))?\s+)*'
                      r'(?:(?:package|public|private|fileprivate|internal|nonisolated|weak|unowned|lazy)(?:\(set\))?\s+)*'
                      r'(var|let)\s+(\w+)')


def code(line):
    """The line without string literals and its trailing comment."""
    return re.sub(r'"(?:\\.|[^"\\])*"', '""', line).split('//')[0]


def long_functions(lines, limit):
    found = []
    index = 0
    while index < len(lines):
        match = DECLARATION.match(lines[index])
        if not match:
            index += 1
            continue
        depth, opened, end = 0, False, index
        while end < len(lines):
            # A declaration without a body (`@_silgen_name` functions, protocol requirements).
            if not opened and end > index and (DECLARATION.match(lines[end]) or TYPE.match(lines[end])):
                break
            for character in code(lines[end]):
                if character == '{':
                    depth += 1
                    opened = True
                elif character == '}':
                    depth -= 1
            if opened and depth <= 0:
                break
            end += 1
        if opened and end - index + 1 > limit:
            found.append((end - index + 1, index + 1, match.group(1)))
        index += 1
    return found


def wide_types(lines, limit):
    found, stack, depth = [], [], 0
    for line in lines:
        text = code(line)
        declared = TYPE.match(text)
        if declared and '{' in text:
            stack.append([declared.group(2), depth + 1, 0])
        elif stack and depth == stack[-1][1] and not re.match(r'\s*(static|class)\s', text):
            match = PROPERTY.match(text)
            if match:
                rest = text[match.end():]
                computed = '{' in rest and '=' not in rest.split('{')[0] and 'didSet' not in rest and 'willSet' not in rest
                if not computed:
                    stack[-1][2] += 1
        for character in text:
            if character == '{':
                depth += 1
            elif character == '}':
                depth -= 1
                if stack and depth < stack[-1][1]:
                    name, _, count = stack.pop()
                    if count > limit:
                        found.append((count, name))
    return found


def main():
    arguments = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    arguments.add_argument('--lines', type=int, default=60)
    arguments.add_argument('--properties', type=int, default=12)
    options = arguments.parse_args()
    for path in sorted(glob.glob('Sources/**/*.swift', recursive=True)):
        with open(path, encoding='utf-8') as file:
            lines = file.read().split('\n')
        for length, line, name in long_functions(lines, options.lines):
            print(f'{path}:{line}: {name}: {length} lines')
        if path.startswith('Sources/SvcWizApp/'):
            for count, name in wide_types(lines, options.properties):
                print(f'{path}: {name}: {count} stored properties')


main()
