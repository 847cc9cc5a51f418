import RolegenCLI

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

exit(RolegenCommand.run(arguments: Array(CommandLine.arguments.dropFirst()), console: StandardConsole()))
