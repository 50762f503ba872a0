#include "features/scorecards/lines.h"

#include <map>
#include <stdexcept>

#include "features/scorecards/rules.h"
#include "platform/errors.h"
#include "platform/text/text.h"

namespace fg::scorecards {

namespace {
struct FieldRef {
  const char* name;
  std::string LineRow::*member;
};
const FieldRef kFields[] = {
    {"key", &LineRow::key},
    {"parent", &LineRow::parent},
    {"title", &LineRow::title},
    {"max", &LineRow::max},
    {"method", &LineRow::method},
    {"step", &LineRow::step},
    {"indicator", &LineRow::indicator},
    {"rule", &LineRow::rule},
    {"target", &LineRow::target},
    {"bands", &LineRow::bands},
    {"per", &LineRow::per},
    {"floor", &LineRow::floor},
    {"min_volume", &LineRow::min_volume},
    {"evidence", &LineRow::evidence},
    {"evidence_what", &LineRow::evidence_what},
    {"guidance", &LineRow::guidance},
};

std::string Percent(int64_t bp) { return FormatPoints(bp); }  // basis points read as hundredths of a percent

// "95", "95%", "95,5 %" -> 9550 basis points.
int64_t ParsePercent(const std::string& field, std::string text) {
  text = text::Trim(text);
  if (!text.empty() && text.back() == '%') text = text::Trim(text.substr(0, text.size() - 1));
  return ParsePoints(field, text);
}

// "80: 1; 90: 2" (also "80%: 1") -> bands in the order written.
std::vector<Band> ParseBands(const std::string& field, const std::string& text) {
  std::vector<Band> out;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find(';', start);
    if (end == std::string::npos) end = text.size();
    std::string part = text::Trim(text.substr(start, end - start));
    start = end + 1;
    if (part.empty()) continue;
    const size_t colon = part.find(':');
    if (colon == std::string::npos || out.size() >= 20) throw BadInput("scorecards.bands_format", field);
    try {
      out.push_back({ParsePercent(field, part.substr(0, colon)), ParsePoints(field, part.substr(colon + 1))});
    } catch (const AppError&) {
      throw BadInput("scorecards.bands_format", field);
    }
  }
  return out;
}

// The service's field after the node's path -> the row's field.
std::string RowField(const std::string& rest) {
  if (rest.starts_with("rule.bands")) return "bands";
  if (rest.starts_with("rule.")) return rest.substr(5);
  if (rest == "children") return "parent";
  return rest;
}
}  // namespace

const std::vector<std::string>& LineFields() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> v;
    for (const auto& f : kFields) v.emplace_back(f.name);
    return v;
  }();
  return names;
}

std::string& FieldOf(LineRow& r, std::string_view name) {
  for (const auto& f : kFields)
    if (name == f.name) return r.*f.member;
  throw std::invalid_argument("no line field " + std::string(name));
}

LineRow RowOf(const Criterion& c, const std::string& parent) {
  LineRow r;
  r.key = c.key;
  r.parent = parent;
  r.title = c.title;
  r.max = FormatPoints(c.max);
  r.guidance = c.guidance;
  if (!c.leaf()) return r;
  r.method = std::string(MethodName(c.method));
  r.evidence = c.evidence_required ? "yes" : "";
  r.evidence_what = c.evidence_what;
  if (c.min_volume > 0) r.min_volume = std::to_string(c.min_volume);
  if (c.method == Method::kManual) {
    r.step = FormatPoints(c.step);
    return r;
  }
  r.indicator = c.indicator;
  r.rule = std::string(RuleKindName(c.rule.kind));
  switch (c.rule.kind) {
    case RuleKind::kTarget: r.target = Percent(c.rule.target_bp); break;
    case RuleKind::kBands:
      for (const auto& b : c.rule.bands)
        r.bands += (r.bands.empty() ? "" : "; ") + Percent(b.from_bp) + ": " + FormatPoints(b.points);
      break;
    case RuleKind::kPenalty:
      r.per = FormatPoints(c.rule.per);
      r.floor = FormatPoints(c.rule.floor);
      break;
  }
  return r;
}

namespace {
void Flatten(const Criterion& c, const std::string& parent, std::vector<LineRow>& out) {
  out.push_back(RowOf(c, parent));
  for (const auto& ch : c.children) Flatten(ch, c.key, out);
}
}  // namespace

std::vector<LineRow> RowsOf(const std::vector<Criterion>& criteria) {
  std::vector<LineRow> out;
  for (const auto& c : criteria) Flatten(c, "", out);
  return out;
}

CriteriaSet WithRows(const CriteriaSet& base, const std::vector<LineRow>& rows) {
  Problems p;
  // Each row's node, parsed; children linked by index.
  struct Node {
    Criterion c;
    size_t row;
    std::vector<size_t> children;
  };
  std::vector<Node> nodes;
  std::vector<size_t> depth;  // of each node, 1 at the top
  std::vector<size_t> top;
  std::map<std::string, size_t> by_key;
  for (size_t i = 0; i < rows.size(); ++i) {
    LineRow r = rows[i];
    bool empty = true;
    for (const auto& f : kFields) {
      r.*f.member = text::Trim(r.*f.member);
      empty = empty && (r.*f.member).empty();
    }
    if (empty) continue;
    const std::string f = "rows[" + std::to_string(i) + "].";
    Criterion c;
    c.key = r.key;
    c.title = r.title;
    c.guidance = r.guidance;
    c.evidence_required = !r.evidence.empty();
    if (c.evidence_required && r.evidence != "yes") p.add(BadInput("scorecards.evidence_format", f + "evidence"));
    c.evidence_what = r.evidence_what;
    if (!r.max.empty()) c.max = p.check([&] { return ParsePoints(f + "max", r.max); });
    auto m = ParseMethod(r.method.empty() ? "manual" : r.method);
    if (!m) p.add(BadInput("scorecards.method_unknown", f + "method"));
    c.method = m.value_or(Method::kManual);
    if (!r.step.empty()) c.step = p.check([&] { return ParsePoints(f + "step", r.step); });
    c.indicator = r.indicator;
    if (!r.min_volume.empty()) {
      auto n = text::ParseInt64(r.min_volume);
      if (!n) p.add(BadInput("scorecards.number_format", f + "min_volume"));
      c.min_volume = n.value_or(0);
    }
    if (c.method != Method::kManual) {
      auto k = ParseRuleKind(r.rule.empty() ? "target" : r.rule);
      if (!k) p.add(BadInput("scorecards.rule_unknown", f + "rule"));
      c.rule.kind = k.value_or(RuleKind::kTarget);
      if (!r.target.empty()) c.rule.target_bp = p.check([&] { return ParsePercent(f + "target", r.target); });
      c.rule.bands = p.check([&] { return ParseBands(f + "bands", r.bands); });
      if (!r.per.empty()) c.rule.per = p.check([&] { return ParsePoints(f + "per", r.per); });
      if (!r.floor.empty()) c.rule.floor = p.check([&] { return ParsePoints(f + "floor", r.floor); });
    }
    const size_t index = nodes.size();
    if (index >= kMaxNodes) {
      p.add(BadInput("scorecards.too_many_nodes", "rows", {{"max", std::to_string(kMaxNodes)}}));
      break;
    }
    depth.push_back(1);
    if (r.parent.empty()) {
      top.push_back(index);
    } else if (auto it = by_key.find(r.parent); it != by_key.end()) {
      depth.back() = depth[it->second] + 1;
      if (depth.back() > kMaxDepth) p.add(BadInput("scorecards.too_deep", f + "parent"));
      nodes[it->second].children.push_back(index);
    } else {
      p.add(BadInput("scorecards.parent_unknown", f + "parent", {{"parent", r.parent}}));
    }
    if (!c.key.empty()) by_key.emplace(c.key, index);
    nodes.push_back({std::move(c), i, {}});
  }
  if (nodes.empty()) p.add(BadInput("scorecards.rows_empty", "rows"));
  p.raise_if_any();

  // The tree, with each node's path as ValidateSet names it.
  std::map<std::string, size_t> row_of_path;
  auto build = [&](auto& self, size_t n, const std::string& path) -> Criterion {
    row_of_path[path] = nodes[n].row;
    Criterion c = nodes[n].c;
    if (!nodes[n].children.empty()) {
      c.max = 0;
      for (size_t i = 0; i < nodes[n].children.size(); ++i) {
        c.children.push_back(self(self, nodes[n].children[i], path + ".children[" + std::to_string(i) + "]"));
        c.max += c.children.back().max;
      }
    }
    return c;
  };
  CriteriaSet out = base;
  out.criteria.clear();
  for (size_t i = 0; i < top.size(); ++i)
    out.criteria.push_back(build(build, top[i], "criteria[" + std::to_string(i) + "]"));
  try {
    return ValidateSet(out);
  } catch (const AppError& e) {
    throw WithFieldsRenamed(e, [&](const std::string& field) -> std::string {
      if (field == "criteria") return "rows";
      // The longest node path the field starts with.
      std::string best;
      for (const auto& entry : row_of_path)
        if (field.starts_with(entry.first + ".") && entry.first.size() > best.size()) best = entry.first;
      if (best.empty()) return field;
      return "rows[" + std::to_string(row_of_path[best]) + "]." + RowField(field.substr(best.size() + 1));
    });
  }
}

}  // namespace fg::scorecards
