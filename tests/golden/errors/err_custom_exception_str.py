class ParseError(ValueError):
    def __init__(self, line, text):
        super().__init__(line, text)
        self.line = line
        self.text = text
    def __str__(self):
        return f"line {self.line}: {self.text}"
raise ParseError(3, "unexpected token")
