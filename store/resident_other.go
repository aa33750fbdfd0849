//go:build !linux

package store

import "go.etcd.io/bbolt"

// residentPages does nothing here: MADV_DONTNEED keeps its promise on a
// shared file mapping only on Linux (see resident_linux.go).
type residentPages struct{}

type residentScan struct{}

func (*residentPages) reset()                      {}
func (*residentPages) scan(*bbolt.Tx) residentScan { return residentScan{} }
func (residentScan) see([]byte)                    {}
func (residentScan) done()                         {}
