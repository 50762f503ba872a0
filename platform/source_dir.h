#pragma once

// The source tree's absolute path, for tests and the default assets directory. It lives in one
// generated translation unit (build/generated/source_dir.cpp) rather than in a compile definition,
// so that every other object file is the same in any checkout and ccache can share it.
const char* FgSourceDir();
#define FG_SOURCE_DIR FgSourceDir()
