// Where dyad finds its bundled data files.
#pragma once

#include <string>

namespace dyad {

/// The directory holding the bundled knowledge (data/): $DYAD_DATA if set,
/// else `data/` next to the running executable's parent (build/dyad -> data/),
/// else the source tree's data/ compiled in.
std::string data_dir();

}  // namespace dyad
