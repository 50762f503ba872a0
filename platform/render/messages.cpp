#include "platform/render/messages.h"

#include <spdlog/spdlog.h>

#include <boost/json.hpp>
#include <filesystem>
#include <fstream>
#include <shared_mutex>
#include <sstream>
#include <stdexcept>

#include "platform/text/text.h"

namespace fg::render {
namespace {
std::shared_mutex g_mu;
std::map<std::string, std::string> g_messages;

void LoadFile(const std::filesystem::path& p, std::map<std::string, std::string>& into) {
  std::ifstream in(p);
  std::stringstream ss;
  ss << in.rdbuf();
  boost::system::error_code ec;
  auto v = boost::json::parse(ss.str(), ec);
  if (ec || !v.is_object()) throw std::runtime_error("message catalogue " + p.string() + " is not a JSON object");
  for (auto& [k, val] : v.as_object()) {
    if (!val.is_string())
      throw std::runtime_error("message " + std::string(k) + " in " + p.string() + " is not a string");
    if (!into.emplace(std::string(k), std::string(val.as_string())).second)
      throw std::runtime_error("message " + std::string(k) + " is defined twice (" + p.string() + ")");
  }
}
// `messages.vi.json`, or `<part>.messages.vi.json` for a large feature split by part.
bool IsCatalogue(const std::string& name) {
  static const std::string kSuffix = "messages.vi.json";
  return name == kSuffix || (name.size() > kSuffix.size() + 1 && name.ends_with("." + kSuffix));
}
}  // namespace

void LoadMessages(const std::string& assets_dir) {
  std::map<std::string, std::string> all;
  for (const char* top : {"platform", "features"}) {
    std::filesystem::path root = std::filesystem::path(assets_dir) / top;
    if (!std::filesystem::exists(root)) continue;
    for (auto& e : std::filesystem::recursive_directory_iterator(root))
      if (IsCatalogue(e.path().filename().string())) LoadFile(e.path(), all);
  }
  std::unique_lock lk(g_mu);
  g_messages = std::move(all);
}

namespace {

// One pass over the template: each {name} with a value is replaced once;
// values are copied, never scanned for placeholders. Called with g_mu held.
std::string FillLocked(std::string_view tpl, const std::map<std::string, std::string>& args) {
  std::string out;
  size_t done = 0;
  for (size_t open; (open = tpl.find('{', done)) != std::string_view::npos;) {
    size_t close = tpl.find('}', open + 1);
    if (close == std::string_view::npos) break;
    auto arg = args.find(std::string(tpl.substr(open + 1, close - open - 1)));
    if (arg == args.end()) {  // not a placeholder with a value: keep the brace
      out.append(tpl, done, open + 1 - done);
      done = open + 1;
      continue;
    }
    out.append(tpl, done, open - done);
    // A field name may itself have a readable label in the catalogue.
    auto label = arg->first == "field" ? g_messages.find("field." + arg->second) : g_messages.end();
    const std::string& value = label != g_messages.end() ? label->second : arg->second;
    out += open == 0 && label != g_messages.end() ? text::UpperFirst(value) : value;  // a sentence's first word
    done = close + 1;
  }
  out.append(tpl, done);
  return out;
}

}  // namespace

std::string Text(const std::string& key, const std::map<std::string, std::string>& args) {
  std::shared_lock lk(g_mu);
  auto it = g_messages.find(key);
  if (it == g_messages.end()) {
    spdlog::warn("message key {} is missing from the catalogue", key);
    return key;
  }
  return FillLocked(it->second, args);
}

std::string Fill(std::string_view tpl, const std::map<std::string, std::string>& args) {
  std::shared_lock lk(g_mu);
  return FillLocked(tpl, args);
}

bool HasText(const std::string& key) {
  std::shared_lock lk(g_mu);
  return g_messages.count(key) > 0;
}

}  // namespace fg::render
