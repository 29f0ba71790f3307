/**
 * The userspace link emulator used when the kernel has no {@code netem}: a TCP relay that holds
 * the bytes of each direction for the link's one-way latency (byte order kept, one delay queue
 * per connection and direction), with run-time extra delay and connection dropping for
 * degradation, and the node agent process that runs it inside a namespace.
 */
package io.edgeoff.testbed.relay;
