// libLibTorchSharp.so (built with GCC 13) calls std::ios_base_library_init(), which GCC 13's libstdc++
// added to run the iostream static initialiser. Older libstdc++ initialises iostreams through
// std::ios_base::Init objects instead, so constructing one here has the same effect.
#include <ios>

namespace std {
void ios_base_library_init() {
    static ios_base::Init init;
}
}
