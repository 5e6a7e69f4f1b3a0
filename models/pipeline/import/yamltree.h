#pragma once

#include <QByteArray>

#include <yaml-cpp/yaml.h>

#include <vector>

// The tree of YAML nodes the importers read, built from libyaml's events: one pass of the C
// reference parser both checks the syntax and builds yaml-cpp's node tree, in about a third of
// the time yaml-cpp's own parser takes (and yaml-cpp 0.7's parser runs out of memory on some
// malformed input that libyaml refuses). The tree is what yaml-cpp's LoadAll() builds: the same
// node types, tags ("?" for a plain scalar or a collection without one, "!" for a quoted or
// block scalar), marks, and aliases as shared nodes (a "billion laughs" file stays small).
namespace YamlTree {

constexpr int MaxDepth = 2000; // yaml-cpp's own limit: deeper nesting is an error, not a crash

// Every document of `data`, a null node for an empty one. Throws ImportError: a syntax error,
// an alias that names no anchor, or nesting deeper than MaxDepth, each with its line.
std::vector<YAML::Node> documents(const QByteArray &data);

} // namespace YamlTree
