open("_this_file_does_not_exist_.txt")
