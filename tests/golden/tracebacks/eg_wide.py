# More than 15 members: the 16th box says how many more there are.
raise ExceptionGroup("many", [ValueError(i) for i in range(18)])
