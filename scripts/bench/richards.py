# OOP: method dispatch through a small class hierarchy, attribute updates,
# linked lists of objects (an operating-system scheduler simulation in the
# spirit of the classic "richards" benchmark, written from scratch).
# kind: sync
import sys

IDLE, WORKER, HANDLER_A, HANDLER_B, DEVICE_A, DEVICE_B = range(6)
NTASKS = 6

class Packet:
    def __init__(self, link, dest, kind):
        self.link = link
        self.dest = dest
        self.kind = kind
        self.count = 0
        self.data = [0, 0, 0, 0]

    def append_to(self, queue):
        self.link = None
        if queue is None:
            return self
        p = queue
        while p.link is not None:
            p = p.link
        p.link = self
        return queue

class Task:
    def __init__(self, sched, ident, prio, queue):
        self.sched = sched
        self.ident = ident
        self.prio = prio
        self.queue = queue
        self.waiting = queue is None
        self.held = False
        self.runs = 0
        sched.add(self)

    def runnable(self):
        return not self.held and (not self.waiting or self.queue is not None)

    def step(self):
        pkt = None
        if self.waiting and self.queue is not None:
            pkt = self.queue
            self.queue = pkt.link
            self.waiting = False
        self.runs += 1
        return self.run(pkt)

    def run(self, pkt):
        raise NotImplementedError

    def wait(self):
        self.waiting = True
        return self

    def hold(self):
        self.held = True
        self.sched.hold_count += 1
        return self.sched.next_after(self)

    def release(self, ident):
        t = self.sched.tasks[ident]
        t.held = False
        return t if t.prio > self.prio else self

    def send(self, pkt, ident):
        t = self.sched.tasks[ident]
        self.sched.queue_count += 1
        pkt.link = None
        pkt.dest = self.ident
        if t.queue is None:
            t.queue = pkt
            if t.waiting:
                return t if t.prio > self.prio else self
        else:
            t.queue = pkt.append_to(t.queue)
        return self

class IdleTask(Task):
    def __init__(self, sched, ident, prio, count):
        Task.__init__(self, sched, ident, prio, None)
        self.waiting = False
        self.seed = 1
        self.count = count

    def run(self, pkt):
        self.count -= 1
        if self.count == 0:
            return self.hold()
        if self.seed & 1:
            self.seed = (self.seed >> 1) ^ 0xD008
            return self.release(DEVICE_B)
        self.seed >>= 1
        return self.release(DEVICE_A)

class WorkerTask(Task):
    def __init__(self, sched, ident, prio, queue):
        Task.__init__(self, sched, ident, prio, queue)
        self.dest = HANDLER_A
        self.letter = 0

    def run(self, pkt):
        if pkt is None:
            return self.wait()
        self.dest = HANDLER_B if self.dest == HANDLER_A else HANDLER_A
        pkt.count = 0
        data = pkt.data
        for i in range(4):
            self.letter = (self.letter + 1) % 26
            data[i] = self.letter
        return self.send(pkt, self.dest)

class HandlerTask(Task):
    def __init__(self, sched, ident, prio, queue, device):
        Task.__init__(self, sched, ident, prio, queue)
        self.device = device
        self.work = None
        self.dev = None

    def run(self, pkt):
        if pkt is not None:
            if pkt.kind == 1:
                self.work = pkt.append_to(self.work)
            else:
                self.dev = pkt.append_to(self.dev)
        if self.work is not None:
            w = self.work
            if w.count < 4:
                if self.dev is not None:
                    d = self.dev
                    self.dev = d.link
                    d.count = w.data[w.count]
                    w.count += 1
                    return self.send(d, self.device)
            else:
                self.work = w.link
                return self.send(w, WORKER)
        return self.wait()

class DeviceTask(Task):
    def __init__(self, sched, ident, prio):
        Task.__init__(self, sched, ident, prio, None)
        self.pending = None
        self.checksum = 0

    def run(self, pkt):
        if pkt is None:
            if self.pending is None:
                return self.wait()
            p = self.pending
            self.pending = None
            return self.send(p, p.dest)
        self.pending = pkt
        self.checksum = (self.checksum * 7 + pkt.count) & 0xFFFF
        return self.hold()

class Scheduler:
    def __init__(self):
        self.tasks = [None] * NTASKS
        self.order = []
        self.hold_count = 0
        self.queue_count = 0

    def add(self, t):
        self.tasks[t.ident] = t
        self.order.append(t)
        self.order.sort(key=lambda x: -x.prio)

    def next_after(self, t):
        return self.order[0]

    def schedule(self):
        cur = self.order[0]
        steps = 0
        while True:
            if cur.runnable():
                cur = cur.step()
                steps += 1
            else:
                nxt = None
                for t in self.order:
                    if t.prio < cur.prio and t.runnable():
                        nxt = t
                        break
                if nxt is None:
                    for t in self.order:
                        if t.runnable():
                            nxt = t
                            break
                if nxt is None:
                    return steps
                cur = nxt

def run_once(count):
    s = Scheduler()
    IdleTask(s, IDLE, 1, count)
    wq = Packet(None, WORKER, 1)
    wq = Packet(wq, WORKER, 1)
    WorkerTask(s, WORKER, 1000, wq)
    q = Packet(None, DEVICE_A, 0)
    q = Packet(q, DEVICE_A, 0)
    q = Packet(q, DEVICE_A, 0)
    HandlerTask(s, HANDLER_A, 2000, q, DEVICE_A)
    q = Packet(None, DEVICE_B, 0)
    q = Packet(q, DEVICE_B, 0)
    q = Packet(q, DEVICE_B, 0)
    HandlerTask(s, HANDLER_B, 3000, q, DEVICE_B)
    DeviceTask(s, DEVICE_A, 4000)
    DeviceTask(s, DEVICE_B, 5000)
    steps = s.schedule()
    runs = tuple(t.runs for t in s.tasks)
    return steps, s.hold_count, s.queue_count, runs, s.tasks[DEVICE_A].checksum, s.tasks[DEVICE_B].checksum

def main():
    iters = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    results = [run_once(10000) for _ in range(iters)]
    assert all(r == results[0] for r in results)
    print("richards", results[0])
    steps, holds, queued, runs = results[0][:4]
    assert sum(runs) == steps
    assert results[0] == (65793, 9297, 23246, (10000, 4655, 11622, 11632, 13936, 13948),
                          38391, 35615), results[0]
    print("ok")

main()
