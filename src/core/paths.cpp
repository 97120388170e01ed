#include "core/paths.h"

#include <cstdlib>
#include <filesystem>
#include <system_error>

namespace dyad {

std::string data_dir() {
  namespace fs = std::filesystem;
  if (const char* env = std::getenv("DYAD_DATA"); env != nullptr && *env != '\0') return env;
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    const fs::path dir = exe.parent_path();
    for (const fs::path& candidate : {dir / "data", dir.parent_path() / "data"})
      if (fs::exists(candidate / "README.md", ec)) return candidate.string();
  }
  return DYAD_DATA_DIR;
}

}  // namespace dyad
