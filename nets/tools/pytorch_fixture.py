#!/usr/bin/env python3
"""Writes the PyTorch fixture of PyTorchFixtureTest into nets/src/test/resources/pytorch-fixture/.

A small nn.Sequential with every parametrised layer type of model.json (conv2d with stride and
padding, batchnorm2d, maxpool2d, avgpool2d, linear, batchnorm1d, relu, tanh, sigmoid, flatten),
seeded, with non-trivial batch norm running statistics:
  model.json            the architecture in netcompare's format
  weights.safetensors   model.state_dict() as PyTorch lays it out
  expected.safetensors  input [4, 3, 11, 11], labels, eval_logits (eval mode), then after one
                        training-mode forward: train_logits, loss (mean cross-entropy), grad.<name>
                        for every parameter, after.<name> for every buffer
safetensors files are written here byte by byte (the safetensors package is not in Debian).
Needs python3-torch (Debian). Run: /usr/bin/python3 nets/tools/pytorch_fixture.py
"""
import json
import os
import struct
from collections import OrderedDict

import torch
import torch.nn as nn
import torch.nn.functional as F

OUT = os.path.join(os.path.dirname(__file__), "..", "src", "test", "resources", "pytorch-fixture")

LAYERS = [
    ("conv1", "conv2d", {"in": 3, "out": 4, "kernel": 3, "stride": 2, "padding": 1},
     lambda: nn.Conv2d(3, 4, 3, stride=2, padding=1)),
    ("bn1", "batchnorm2d", {"features": 4}, lambda: nn.BatchNorm2d(4)),
    ("relu1", "relu", {}, lambda: nn.ReLU()),
    ("pool1", "maxpool2d", {"kernel": 2}, lambda: nn.MaxPool2d(2)),
    ("conv2", "conv2d", {"in": 4, "out": 6, "kernel": 3, "padding": 1},
     lambda: nn.Conv2d(4, 6, 3, padding=1)),
    ("tanh2", "tanh", {}, lambda: nn.Tanh()),
    ("pool2", "avgpool2d", {"kernel": 2, "stride": 1}, lambda: nn.AvgPool2d(2, stride=1)),
    ("flatten", "flatten", {}, lambda: nn.Flatten()),
    ("fc1", "linear", {"in": 24, "out": 8}, lambda: nn.Linear(24, 8)),
    ("bn2", "batchnorm1d", {"features": 8}, lambda: nn.BatchNorm1d(8)),
    ("sigmoid", "sigmoid", {}, lambda: nn.Sigmoid()),
    ("fc2", "linear", {"in": 8, "out": 3, "bias": False}, lambda: nn.Linear(8, 3, bias=False)),
]
INPUT = [3, 11, 11]


def write_safetensors(path, tensors):
    names = {torch.float32: "F32", torch.int64: "I64", torch.float64: "F64"}
    header, blobs, offset = {}, [], 0
    for name, t in tensors.items():
        array = t.detach().contiguous().numpy()
        data = array.astype(array.dtype.newbyteorder("<")).tobytes()
        header[name] = {"dtype": names[t.dtype], "shape": list(t.shape),
                        "data_offsets": [offset, offset + len(data)]}
        blobs.append(data)
        offset += len(data)
    text = json.dumps(header, separators=(",", ":")).encode()
    text += b" " * (-len(text) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(text)))
        f.write(text)
        for data in blobs:
            f.write(data)


def main():
    torch.manual_seed(0)
    model = nn.Sequential(OrderedDict((name, make()) for name, _, _, make in LAYERS))
    for module in model:
        if isinstance(module, nn.modules.batchnorm._BatchNorm):
            module.running_mean.uniform_(-0.5, 0.5)
            module.running_var.uniform_(0.5, 2.0)
            module.weight.data.uniform_(0.5, 1.5)
            module.bias.data.uniform_(-0.5, 0.5)
    os.makedirs(OUT, exist_ok=True)
    spec = {"name": "fixture", "input": INPUT,
            "layers": [dict({"name": name, "type": kind}, **attrs)
                       for name, kind, attrs, _ in LAYERS]}
    with open(os.path.join(OUT, "model.json"), "w") as f:
        json.dump(spec, f)
    write_safetensors(os.path.join(OUT, "weights.safetensors"), model.state_dict())

    x = torch.rand(4, *INPUT) * 2 - 1
    labels = torch.tensor([0, 2, 1, 2])
    expected = OrderedDict(input=x, labels=labels)
    model.eval()
    with torch.no_grad():
        expected["eval_logits"] = model(x)
    model.train()
    logits = model(x)
    loss = F.cross_entropy(logits, labels)
    loss.backward()
    expected["train_logits"] = logits
    expected["loss"] = loss.detach().double()
    for name, p in model.named_parameters():
        expected["grad." + name] = p.grad
    for name, b in model.named_buffers():
        expected["after." + name] = b
    write_safetensors(os.path.join(OUT, "expected.safetensors"), expected)


if __name__ == "__main__":
    main()
