// The message catalogue: every sentence a person reads that is not in a
// template lives in a `messages.vi.json` file (one per feature and one for the
// platform), keyed by a dotted name. `{name}` placeholders are filled from args.
#pragma once
#include <map>
#include <string>
#include <string_view>

namespace fg::render {

// Loads every `*/messages.vi.json` under platform/ and features/ of `assets_dir`.
// Throws if a file is malformed or a key is defined twice.
void LoadMessages(const std::string& assets_dir);
// The text for `key`; the key itself if it is unknown (and a warning is logged).
std::string Text(const std::string& key, const std::map<std::string, std::string>& args = {});
bool HasText(const std::string& key);
// What Text does with the catalogue's template, on any template: each `{name}`
// with a value in `args` is replaced once (a `field` value by its `field.<name>`
// label when the catalogue has one); values are never scanned for placeholders.
std::string Fill(std::string_view tpl, const std::map<std::string, std::string>& args);

}  // namespace fg::render
