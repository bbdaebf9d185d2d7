import NIOPosix
import NIOSSL
import NIOHTTP1
