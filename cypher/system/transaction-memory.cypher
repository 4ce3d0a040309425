// The largest heap estimate among running transactions, for the import benchmark.
SHOW TRANSACTIONS YIELD estimatedUsedHeapMemory
RETURN max(estimatedUsedHeapMemory) AS heap
