class Box:
    def put(self, item):
        pass
Box().put()
