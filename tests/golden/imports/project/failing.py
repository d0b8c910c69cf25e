print('failing: start')
attempts = 0
raise ValueError('module failed to import')
