print("svcwiz")
