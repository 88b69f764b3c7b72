#!/usr/bin/env node
'use strict';
require('../dist/attest.js');
