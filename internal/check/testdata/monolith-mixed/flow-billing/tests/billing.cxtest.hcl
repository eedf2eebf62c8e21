# a cx test
