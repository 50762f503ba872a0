// The message catalogue: every sentence a person reads that is not in a
// template lives in a `messages.vi.json` file (one per feature and one for the
// platform), keyed by a dotted name. `{name}` placeholders are filled from args.
#pragma once
#include <map>
#include <string>

namespace fg::render {

// Loads every `*/messages.vi.json` under platform/ and features/ of `assets_dir`.
// Throws if a file is malformed or a key is defined twice.
void LoadMessages(const std::string& assets_dir);
// The text for `key`; the key itself if it is unknown (and a warning is logged).
std::string Text(const std::string& key, const std::map<std::string, std::string>& args = {});
bool HasText(const std::string& key);

}  // namespace fg::render
